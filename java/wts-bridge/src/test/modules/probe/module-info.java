/** A program using wts-bridge as a module (ModuleIT: module path, jlink image, class path). */
module wtsbridge.probe {
    requires io.github.wtsbridge;
}
