package com.engagementconductor.signals;

import java.util.Arrays;

/**
 * Per-user presence and last-action times of one session, in parallel primitive arrays with open addressing,
 * so a session of a few hundred users costs a few kilobytes. Slots move when the table grows or shrinks:
 * look a user up again after any insert or removal. Not thread-safe.
 */
final class UserTable {
    static final int NEVER = Integer.MIN_VALUE;

    private String[] keys;
    private int[] refCount;
    private int[] lastSpontaneous;
    private int[] lastVote;
    private int[] lastSeen;
    private int[] votedPoll;
    private int size;

    UserTable() {
        allocate(16);
    }

    int size() {
        return size;
    }

    int capacity() {
        return keys.length;
    }

    /** The slot of a user, or -1. */
    int find(String user) {
        int mask = keys.length - 1;
        for (int i = mix(user.hashCode()) & mask; ; i = (i + 1) & mask) {
            String k = keys[i];
            if (k == null) {
                return -1;
            }
            if (k.equals(user)) {
                return i;
            }
        }
    }

    /** The slot of a user, inserting an absent one with no presence and no actions. */
    int findOrInsert(String user) {
        int slot = find(user);
        if (slot >= 0) {
            return slot;
        }
        if ((size + 1) * 2 > keys.length) {
            rehash(keys.length * 2);
        }
        int mask = keys.length - 1;
        int i = mix(user.hashCode()) & mask;
        while (keys[i] != null) {
            i = (i + 1) & mask;
        }
        keys[i] = user;
        refCount[i] = 0;
        lastSpontaneous[i] = NEVER;
        lastVote[i] = NEVER;
        lastSeen[i] = NEVER;
        votedPoll[i] = 0;
        size++;
        return i;
    }

    /** Removes the user in a slot (linear probing with backward-shift deletion); never resizes. */
    void remove(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        int i = (slot + 1) & mask;
        while (keys[i] != null) {
            int home = mix(keys[i].hashCode()) & mask;
            boolean movable = hole <= i ? (home <= hole || home > i) : (home <= hole && home > i);
            if (movable) {
                move(i, hole);
                hole = i;
            }
            i = (i + 1) & mask;
        }
        keys[hole] = null;
        size--;
    }

    /** Halves the table while it is mostly empty; slots move. */
    void shrinkIfSparse() {
        while (keys.length > 16 && size * 8 < keys.length) {
            rehash(keys.length / 2);
        }
    }

    String key(int slot) {
        return keys[slot];
    }

    int refCount(int slot) {
        return refCount[slot];
    }

    void refCount(int slot, int value) {
        refCount[slot] = value;
    }

    int lastSpontaneous(int slot) {
        return lastSpontaneous[slot];
    }

    void lastSpontaneous(int slot, int second) {
        lastSpontaneous[slot] = second;
    }

    int lastVote(int slot) {
        return lastVote[slot];
    }

    void lastVote(int slot, int second) {
        lastVote[slot] = second;
    }

    int lastAny(int slot) {
        return Math.max(lastSpontaneous[slot], lastVote[slot]);
    }

    int lastSeen(int slot) {
        return lastSeen[slot];
    }

    void lastSeen(int slot, int second) {
        lastSeen[slot] = second;
    }

    int votedPoll(int slot) {
        return votedPoll[slot];
    }

    void votedPoll(int slot, int epoch) {
        votedPoll[slot] = epoch;
    }

    /** Approximate heap bytes of the arrays (not the key strings). */
    long arrayBytes() {
        return 16L * 6 + (long) keys.length * (4 + 4 * 5);
    }

    private void move(int from, int to) {
        keys[to] = keys[from];
        refCount[to] = refCount[from];
        lastSpontaneous[to] = lastSpontaneous[from];
        lastVote[to] = lastVote[from];
        lastSeen[to] = lastSeen[from];
        votedPoll[to] = votedPoll[from];
        keys[from] = null;
    }

    private void rehash(int newCapacity) {
        String[] oldKeys = keys;
        int[] oldRef = refCount;
        int[] oldSpont = lastSpontaneous;
        int[] oldVote = lastVote;
        int[] oldSeen = lastSeen;
        int[] oldPoll = votedPoll;
        allocate(newCapacity);
        int mask = newCapacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String k = oldKeys[j];
            if (k == null) {
                continue;
            }
            int i = mix(k.hashCode()) & mask;
            while (keys[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = k;
            refCount[i] = oldRef[j];
            lastSpontaneous[i] = oldSpont[j];
            lastVote[i] = oldVote[j];
            lastSeen[i] = oldSeen[j];
            votedPoll[i] = oldPoll[j];
        }
    }

    private void allocate(int capacity) {
        keys = new String[capacity];
        refCount = new int[capacity];
        lastSpontaneous = new int[capacity];
        lastVote = new int[capacity];
        lastSeen = new int[capacity];
        votedPoll = new int[capacity];
        Arrays.fill(lastSeen, NEVER);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
