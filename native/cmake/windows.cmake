# wtsbridge.dll for one Windows architecture.

# The jar's resource folder for this architecture (native-lib-loader's layout).
if(MSVC)
  set(WTS_ARCH_KEY "${CMAKE_GENERATOR_PLATFORM}")
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

add_library(wtsbridge SHARED ${WTS_SHIM_SOURCES} native/platform/win32/api_win32.c)
set_target_properties(wtsbridge PROPERTIES
  PREFIX ""
  OUTPUT_NAME wtsbridge
  RUNTIME_OUTPUT_DIRECTORY "${WTS_NATIVES_DIR}/natives/${WTS_ARCH_DIR}"
  RUNTIME_OUTPUT_DIRECTORY_RELEASE "${WTS_NATIVES_DIR}/natives/${WTS_ARCH_DIR}")
target_include_directories(wtsbridge PRIVATE native/include)

if(MSVC)
  # MSVC on Windows: the JDK's own jni.h and win32/jni_md.h.
  find_package(JNI REQUIRED)
  target_include_directories(wtsbridge PRIVATE ${JNI_INCLUDE_DIRS})
  target_compile_options(wtsbridge PRIVATE /O1 /GS- /W4 /Zl)
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
  target_compile_options(wtsbridge PRIVATE -Os -ffreestanding -fno-stack-protector
                         -fno-builtin -Wall -Wextra -Werror)
  # The x64 and arm64 ABIs require unwind data (.pdata/.xdata) for every non-leaf function;
  # clang drops it under -ffreestanding. Without it an exception raised in or through the DLL
  # (a crash the JVM should report, or one a callee raises) is unwound wrongly, and Windows
  # may end the process before any handler runs. DllBinaryTest checks the exception table.
  if(NOT WTS_DLLTOOL_MACHINE STREQUAL "i386")
    target_compile_options(wtsbridge PRIVATE -funwind-tables)
  endif()
  target_link_options(wtsbridge PRIVATE -nostdlib -s
                      -Wl,--kill-at -Wl,--entry=DllMainCRTStartup -Wl,--no-insert-timestamp)
  target_link_libraries(wtsbridge PRIVATE "${WTS_KERNEL32_LIB}")
endif()
