# Cross-build wtsbridge.dll for i686 Windows with Debian's clang + lld (no mingw runtime).
set(WTS_TARGET_TRIPLE i686-w64-mingw32)
set(CMAKE_SYSTEM_PROCESSOR X86)
include(${CMAKE_CURRENT_LIST_DIR}/mingw-clang-common.cmake)
