# wtsbridge.dll for one Windows architecture.

# The jar's resource folder for this architecture (native-lib-loader's layout).
if(MSVC)
  set(WTS_ARCH_KEY "${CMAKE_GENERATOR_PLATFORM}")   # -A Win32|x64|ARM64
  if(NOT WTS_ARCH_KEY)
    # Ninja/NMake from a Visual Studio prompt: the compiler's own target (X86, x64, ARM64).
    set(WTS_ARCH_KEY "${CMAKE_C_COMPILER_ARCHITECTURE_ID}")
  endif()
else()
  set(WTS_ARCH_KEY "${CMAKE_SYSTEM_PROCESSOR}")
endif()
string(TOUPPER "${WTS_ARCH_KEY}" WTS_ARCH_KEY)
if(WTS_ARCH_KEY MATCHES "^(X86|WIN32|I686)$")
  set(WTS_ARCH_DIR windows_32)
  set(WTS_DLLTOOL_MACHINE i386)
elseif(WTS_ARCH_KEY MATCHES "^(AMD64|X64|X86_64)$")
  set(WTS_ARCH_DIR windows_64)
  set(WTS_DLLTOOL_MACHINE i386:x86-64)
elseif(WTS_ARCH_KEY MATCHES "^(ARM64|AARCH64)$")
  set(WTS_ARCH_DIR windows_arm64)
  set(WTS_DLLTOOL_MACHINE arm64)
else()
  message(FATAL_ERROR "unknown Windows architecture '${WTS_ARCH_KEY}'")
endif()

add_library(wtsbridge SHARED ${WTS_SHIM_SOURCES} native/platform/win32/api_win32.c
  native/platform/win32/system_dll.c)
set_target_properties(wtsbridge PROPERTIES
  PREFIX ""
  OUTPUT_NAME wtsbridge
  RUNTIME_OUTPUT_DIRECTORY "${WTS_NATIVES_DIR}/natives/${WTS_ARCH_DIR}"
  RUNTIME_OUTPUT_DIRECTORY_RELEASE "${WTS_NATIVES_DIR}/natives/${WTS_ARCH_DIR}")
target_include_directories(wtsbridge PRIVATE native/include)

if(MSVC)
  # MSVC on Windows (for contributors; the shipped DLLs come from the clang cross build).
  # jni.h + win32/jni_md.h from the JDK that JAVA_HOME or javac on PATH points at. Not
  # FindJNI: it also demands jvm.lib/jawt.lib, which the DLL does not link, and an ARM64 or
  # Win32 build made with an x64 JDK has no matching ones anyway (the headers are the same).
  include(native/cmake/jdk.cmake)
  target_include_directories(wtsbridge SYSTEM PRIVATE "${WTS_JNI_INCLUDE}" "${WTS_JNI_INCLUDE}/win32")
  # No C runtime, as in the cross build:
  #  - static runtime selection (/MT) so that no header declares CRT functions dllimport
  #    (_DLL), /Zl so that no object names a default CRT library, /NODEFAULTLIB at link;
  #  - /GS- : no security cookie (__security_check_cookie lives in the CRT);
  #  - no /RTC (CMake's Debug default): the run-time checks live in the CRT too;
  #  - memset/memcpy, which the compiler may call for struct copies, are ours in
  #    api_win32.c (#pragma function lets MSVC accept their definitions);
  #  - the entry point is our DllMainCRTStartup; on x86 link.exe matches the undecorated
  #    /ENTRY name to the __stdcall symbol _DllMainCRTStartup@12.
  # x86 exports: MSVC exports a __declspec(dllexport) __stdcall function as _Java_..._m@N
  # (and _JNI_OnLoad@8), a form the JVM looks up as its second choice; the shipped clang
  # DLLs export the undecorated names (--kill-at), which DllBinaryTest checks.
  set_property(TARGET wtsbridge PROPERTY MSVC_RUNTIME_LIBRARY "MultiThreaded")
  string(REGEX REPLACE "/RTC[1csu]*" "" CMAKE_C_FLAGS_DEBUG "${CMAKE_C_FLAGS_DEBUG}")
  string(REPLACE "/O2" "/O1" CMAKE_C_FLAGS_RELEASE "${CMAKE_C_FLAGS_RELEASE}")
  # Link kernel32 only, not the user32/gdi32/advapi32/... list CMake puts on every link line.
  set(CMAKE_C_STANDARD_LIBRARIES "")
  target_compile_options(wtsbridge PRIVATE /GS- /Zl /W4)
  target_link_options(wtsbridge PRIVATE /NODEFAULTLIB /ENTRY:DllMainCRTStartup
                      /INCREMENTAL:NO /OPT:REF)
  target_link_libraries(wtsbridge PRIVATE kernel32)
else()
  # clang cross build: jni.h from the build machine's JDK (it is platform-neutral), our
  # Windows jni_md.h, and a kernel32 import library made from our own .def.
  include(native/cmake/jdk.cmake)
  target_include_directories(wtsbridge PRIVATE native/platform/win32/include)
  target_include_directories(wtsbridge SYSTEM PRIVATE "${WTS_JNI_INCLUDE}")
  # The .def carries x86 stdcall decorations; other architectures have none.
  set(WTS_KERNEL32_DEF "${CMAKE_BINARY_DIR}/kernel32.def")
  file(READ "${CMAKE_SOURCE_DIR}/native/platform/win32/kernel32.def" WTS_DEF_TEXT)
  if(NOT WTS_DLLTOOL_MACHINE STREQUAL "i386")
    string(REGEX REPLACE "@[0-9]+" "" WTS_DEF_TEXT "${WTS_DEF_TEXT}")
  endif()
  file(WRITE "${WTS_KERNEL32_DEF}" "${WTS_DEF_TEXT}")
  set(WTS_KERNEL32_LIB "${CMAKE_BINARY_DIR}/libkernel32.a")
  add_custom_command(OUTPUT "${WTS_KERNEL32_LIB}"
    COMMAND llvm-dlltool -m ${WTS_DLLTOOL_MACHINE} --kill-at
            -d "${WTS_KERNEL32_DEF}" -l "${WTS_KERNEL32_LIB}"
    DEPENDS "${CMAKE_SOURCE_DIR}/native/platform/win32/kernel32.def")
  add_custom_target(wts_kernel32_implib DEPENDS "${WTS_KERNEL32_LIB}")
  add_dependencies(wtsbridge wts_kernel32_implib)
  target_compile_options(wtsbridge PRIVATE -Oz -ffreestanding
                         -fno-stack-protector -fno-builtin -Wall -Wextra -Werror)
  # -Oz keeps each DLL under 41 KiB. On x64/arm64 the unwind tables (.pdata/.xdata) stay on
  # although they cost ~2 KiB: without them Windows cannot walk through our frames (exception
  # dispatch through the window procedure's JNI upcall, debuggers, profilers). x86 has no
  # table-based unwinding; there the flag would only add a useless DWARF .eh_frame.
  if(NOT WTS_DLLTOOL_MACHINE STREQUAL "i386")
    target_compile_options(wtsbridge PRIVATE -fasynchronous-unwind-tables)
  endif()
  # Reproducible: lld-link's /Brepro puts a hash of the image where the link time would go,
  # and no source or build path reaches the objects (-ffile-prefix-map), so two builds of one
  # commit in any two directories give the same bytes (scripts/check-reproducible).
  target_compile_options(wtsbridge PRIVATE "-ffile-prefix-map=${CMAKE_SOURCE_DIR}=."
                         "-ffile-prefix-map=${CMAKE_BINARY_DIR}=build")
  target_link_options(wtsbridge PRIVATE -nostdlib -s
                      -Wl,--kill-at -Wl,--entry=DllMainCRTStartup -Wl,-Xlink=-Brepro)
  target_link_libraries(wtsbridge PRIVATE "${WTS_KERNEL32_LIB}")
endif()
