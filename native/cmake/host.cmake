# libwtsbridge.so: the shim wired to the test-only fake, loaded by the JUnit tests. Never shipped.
include(native/cmake/jdk.cmake)
file(GLOB WTS_FAKE_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/native/fake/*.c")
add_library(wtsbridge SHARED ${WTS_SHIM_SOURCES} ${WTS_FAKE_SOURCES})
target_include_directories(wtsbridge PRIVATE native/include native/fake)
target_include_directories(wtsbridge SYSTEM PRIVATE "${WTS_JNI_INCLUDE}" "${WTS_JNI_INCLUDE}/linux")
target_compile_options(wtsbridge PRIVATE -O2 -g -Wall -Wextra -Werror -fvisibility=hidden)
find_package(Threads REQUIRED)
target_link_libraries(wtsbridge PRIVATE Threads::Threads)
set_target_properties(wtsbridge PROPERTIES
  LIBRARY_OUTPUT_DIRECTORY "${WTS_NATIVES_DIR}")

# -DWTS_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer (clang), for .ci/run.
option(WTS_SANITIZE "build with ASan + UBSan" OFF)
if(WTS_SANITIZE)
  # The JVM is not instrumented: the runtime is the shared one (LD_PRELOAD'ed into the test
  # JVM by scripts/test-sanitizers); -fno-sanitize-recover makes any report abort the JVM.
  target_compile_options(wtsbridge PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                         -fno-sanitize-recover=all)
  target_link_options(wtsbridge PRIVATE -fsanitize=address,undefined -shared-libasan)
endif()
