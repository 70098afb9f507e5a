# Cross-build wtsbridge.dll for x86_64 Windows with Debian's clang + lld (no mingw runtime).
set(WTS_TARGET_TRIPLE x86_64-w64-mingw32)
set(CMAKE_SYSTEM_PROCESSOR AMD64)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-clang-common.cmake)
