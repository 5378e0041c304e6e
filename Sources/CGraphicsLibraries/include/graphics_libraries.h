#ifndef STAPEL_GRAPHICS_LIBRARIES_H
#define STAPEL_GRAPHICS_LIBRARIES_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads Cairo, Pango and the other drawing libraries if they are not loaded yet, binds every function
/// Stapel calls in them, and has fontconfig read its configuration (FcInit). Returns 0, or -1 with a sentence
/// naming the library and its Debian package in `message`. Safe from any thread: the first call loads, the others wait for it and return its result.
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

/// glib's g_thread_new as Pango meets it: the binary exports this one (Package.swift), so Pango's calls reach
/// it first. Pango's font match runs on the calling thread, and its fallback sorts on one helper thread in turn,
/// instead of two new threads for every font pattern; any other thread is glib's own, as is every thread with
/// STAPEL_PANGO_THREADS=1 in the environment (pango_threads.c says why, and what stays the same).
void *g_thread_new(const char *name, void *(*function)(void *), void *data);

#ifdef __cplusplus
}
#endif

#endif
