/*
 * The Windows ABI of a started program's standard handles, extended startup info and job
 * objects (processthreadsapi.h, namedpipeapi.h, jobapi2.h, winnt.h), with fixed-width types
 * and size asserts per architecture, as wts_abi.h does for the WTS structs.
 */
#ifndef WTS_LAUNCH_ABI_H
#define WTS_LAUNCH_ABI_H

#include "wts_abi.h"

typedef struct SECURITY_ATTRIBUTES {
    DWORD nLength;
    void *lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;

/* STARTUPINFOEXW: the STARTUPINFOW, then the opaque attribute list. */
typedef struct STARTUPINFOEXW {
    STARTUPINFOW StartupInfo;
    void *lpAttributeList;
} STARTUPINFOEXW;

typedef struct IO_COUNTERS {
    uint64_t ReadOperationCount;
    uint64_t WriteOperationCount;
    uint64_t OtherOperationCount;
    uint64_t ReadTransferCount;
    uint64_t WriteTransferCount;
    uint64_t OtherTransferCount;
} IO_COUNTERS;

typedef struct JOBOBJECT_BASIC_LIMIT_INFORMATION {
    LONGLONG PerProcessUserTimeLimit;
    LONGLONG PerJobUserTimeLimit;
    DWORD LimitFlags;
    size_t MinimumWorkingSetSize;
    size_t MaximumWorkingSetSize;
    DWORD ActiveProcessLimit;
    uintptr_t Affinity;
    DWORD PriorityClass;
    DWORD SchedulingClass;
} JOBOBJECT_BASIC_LIMIT_INFORMATION;

typedef struct JOBOBJECT_EXTENDED_LIMIT_INFORMATION {
    JOBOBJECT_BASIC_LIMIT_INFORMATION BasicLimitInformation;
    IO_COUNTERS IoInfo;
    size_t ProcessMemoryLimit;
    size_t JobMemoryLimit;
    size_t PeakProcessMemoryUsed;
    size_t PeakJobMemoryUsed;
} JOBOBJECT_EXTENDED_LIMIT_INFORMATION;

#define WTS_STARTF_USESTDHANDLES 0x00000100u
#define WTS_CREATE_SUSPENDED 0x00000004u
#define WTS_CREATE_BREAKAWAY_FROM_JOB 0x01000000u
#define WTS_EXTENDED_STARTUPINFO_PRESENT 0x00080000u
#define WTS_PROC_THREAD_ATTRIBUTE_HANDLE_LIST ((uintptr_t)0x00020002u)
#define WTS_HANDLE_FLAG_INHERIT 0x00000001u
#define WTS_JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE 0x00002000u
#define WTS_JOB_OBJECT_EXTENDED_LIMIT_INFORMATION 9u
#define WTS_STD_INPUT_HANDLE ((DWORD)-10)
#define WTS_STD_OUTPUT_HANDLE ((DWORD)-11)
#define WTS_STD_ERROR_HANDLE ((DWORD)-12)
#define WTS_INVALID_HANDLE_VALUE ((HANDLE)(intptr_t)-1)
#define WTS_GENERIC_READ 0x80000000u
#define WTS_GENERIC_WRITE 0x40000000u
#define WTS_FILE_APPEND_DATA 0x00000004u
#define WTS_FILE_SHARE_READ 0x00000001u
#define WTS_FILE_SHARE_WRITE 0x00000002u
#define WTS_CREATE_ALWAYS 2u
#define WTS_OPEN_EXISTING 3u
#define WTS_OPEN_ALWAYS 4u
#define WTS_FILE_ATTRIBUTE_NORMAL 0x00000080u
#define WTS_ERROR_BROKEN_PIPE 109u
#define WTS_ERROR_NO_DATA 232u

WTS_ABI_CHECK(sizeof(SECURITY_ATTRIBUTES) == (WTS_PTR64 ? 24 : 12), "SECURITY_ATTRIBUTES size");
WTS_ABI_CHECK(sizeof(STARTUPINFOEXW) == (WTS_PTR64 ? 112 : 72), "STARTUPINFOEXW size");
WTS_ABI_CHECK(sizeof(IO_COUNTERS) == 48, "IO_COUNTERS size");
WTS_ABI_CHECK(sizeof(JOBOBJECT_BASIC_LIMIT_INFORMATION) == (WTS_PTR64 ? 64 : 48),
              "JOBOBJECT_BASIC_LIMIT_INFORMATION size");
WTS_ABI_CHECK(sizeof(JOBOBJECT_EXTENDED_LIMIT_INFORMATION) == (WTS_PTR64 ? 144 : 112),
              "JOBOBJECT_EXTENDED_LIMIT_INFORMATION size");

#endif /* WTS_LAUNCH_ABI_H */
