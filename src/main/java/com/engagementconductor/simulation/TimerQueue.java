package com.engagementconductor.simulation;

import java.util.Arrays;

/**
 * A binary min-heap of timers packed into longs: the session second in the high bits, then the attendee and the
 * action, so timers of one second come out ordered by attendee and action. Stale timers are skipped by the caller.
 */
final class TimerQueue {
    static final int ACTION_BITS = 3;
    static final int ATTENDEE_BITS = 21;
    static final int MAX_ATTENDEES = 1 << ATTENDEE_BITS;
    private static final int SECOND_SHIFT = ACTION_BITS + ATTENDEE_BITS;

    private long[] heap = new long[64];
    private int size;

    void add(long second, int attendee, int action) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        long key = (second << SECOND_SHIFT) | ((long) attendee << ACTION_BITS) | action;
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = key;
    }

    /** Whether the earliest timer is due at or before the second. */
    boolean hasDue(long second) {
        return size > 0 && (heap[0] >>> SECOND_SHIFT) <= second;
    }

    /** Removes the earliest timer and returns its key. */
    long poll() {
        long top = heap[0];
        long last = heap[--size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= last) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = last;
        return top;
    }

    static long second(long key) {
        return key >>> SECOND_SHIFT;
    }

    static int attendee(long key) {
        return (int) ((key >>> ACTION_BITS) & (MAX_ATTENDEES - 1));
    }

    static int action(long key) {
        return (int) (key & ((1 << ACTION_BITS) - 1));
    }
}
