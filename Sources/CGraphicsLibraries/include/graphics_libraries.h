#ifndef STAPEL_GRAPHICS_LIBRARIES_H
#define STAPEL_GRAPHICS_LIBRARIES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads Cairo, Pango and the other drawing libraries if they are not loaded yet, binds every function
/// Stapel calls in them, and has fontconfig read its configuration (FcInit). Returns 0, or -1 with a sentence
/// naming the library and its Debian package in `message`. Safe from any thread: the first call loads, the
/// others wait for it and return its result.
///
/// Why: those libraries and their dependencies are 37 of the 44 shared objects a `stapel` process had to map
/// and relocate before `main`, about 4 ms of every start (`stapel validate`, a build with nothing to do). The
/// binary now starts without them; each function is reached through a trampoline that loads them on its
/// first call, so a command that draws nothing never loads them, and one that draws can load them on a
/// thread of its own while it reads the survey.
int stapel_graphics_load(char *message, size_t size);

/// Starts stapel_graphics_load on a detached thread of its own, at nice 5 (below the planning threads it
/// runs beside), and returns at once; a later stapel_graphics_load waits for that load and returns its result.
void stapel_graphics_preload(void);

#ifdef __cplusplus
}
#endif

#endif
