/*
 * fuzz.h -- the entry point every fuzz target defines: libFuzzer calls it
 * with each generated input; replay.c calls it with each corpus file, so
 * that the targets also run as plain tests without libFuzzer.
 */
#ifndef QG_FUZZ_H
#define QG_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
