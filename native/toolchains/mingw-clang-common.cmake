# Shared by the three cross toolchain files: clang + lld targeting ${WTS_TARGET_TRIPLE}, with
# no mingw runtime. The including file sets WTS_TARGET_TRIPLE and CMAKE_SYSTEM_PROCESSOR.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_C_COMPILER clang)
set(CMAKE_C_COMPILER_TARGET ${WTS_TARGET_TRIPLE})
set(CMAKE_AR llvm-ar CACHE FILEPATH "archiver")
set(CMAKE_RANLIB llvm-ranlib CACHE FILEPATH "ranlib")
# Headers (stdio.h for jni.h) come from mingw-w64-common; nothing is linked from mingw.
set(CMAKE_C_FLAGS_INIT "-isystem /usr/share/mingw-w64/include")
set(CMAKE_SHARED_LINKER_FLAGS_INIT "-fuse-ld=lld")
# The compiler check may not link an executable: there is no C runtime to link.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)
# Link nothing by default: the import library for kernel32 is made by the build itself.
set(CMAKE_C_STANDARD_LIBRARIES "" CACHE STRING "no default Windows libraries" FORCE)
