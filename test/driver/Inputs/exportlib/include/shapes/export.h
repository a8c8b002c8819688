#pragma once
#if defined(SHAPES_BUILDING)
#define SHAPES_API __attribute__((visibility("default")))
#else
#define SHAPES_API
#endif
#define SHAPES_DEPRECATED(msg) [[deprecated(msg)]]
