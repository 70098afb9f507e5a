/* The shim's own layouts (wts_abi.h), as numbers for scripts/check-abi-layouts. */
#include <stddef.h>

#include "launch_abi.h"
#include "layouts.h"

const unsigned long long wts_layout[] = {WTS_SDK_LAYOUTS(WTS_LAYOUT_SIZE, WTS_LAYOUT_FIELD)};
const char *const wts_layout_names[] = {WTS_SDK_LAYOUTS(WTS_LAYOUT_SIZE_NAME, WTS_LAYOUT_FIELD_NAME)};
