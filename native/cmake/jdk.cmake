# Finds the build machine's JDK headers (jni.h) from JAVA_HOME or from javac on PATH.
# Debian has no /usr/lib/jvm/default-java/include and FindJNI wants AWT: neither is needed.
find_program(WTS_JAVAC javac HINTS "$ENV{JAVA_HOME}/bin" NO_CMAKE_FIND_ROOT_PATH REQUIRED)
get_filename_component(WTS_JAVAC_REAL "${WTS_JAVAC}" REALPATH)
get_filename_component(WTS_JDK_HOME "${WTS_JAVAC_REAL}/../.." ABSOLUTE)
find_path(WTS_JNI_INCLUDE jni.h HINTS "$ENV{JAVA_HOME}/include" "${WTS_JDK_HOME}/include"
  NO_CMAKE_FIND_ROOT_PATH REQUIRED)
