package dev.depot.download.delivery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes that download windows may hold at once, across every download. A window is sized by its
 * client's pace, but a write that only fills the kernel's socket buffers (which grow to megabytes)
 * looks fast whatever the client: ten thousand slow clients would each be handed big windows and
 * exhaust the heap. Windows come out of this budget: a download gets what it asks for while the
 * budget lasts, and then the smallest window, which it always gets so that it keeps moving. What a
 * download holds goes back when it has been written, and all of it when the download ends, however
 * it ends.
 */
final class WindowBudget {

    private final AtomicLong free;
    private final int smallest;

    WindowBudget(long bytes, int smallest) {
        this.free = new AtomicLong(bytes);
        this.smallest = smallest;
    }

    /** The bytes free now; below zero while the smallest windows overdraw it. */
    long free() {
        return free.get();
    }

    /** What one download holds; close it when the download ends. */
    Lease lease() {
        return new Lease();
    }

    /** The windows one download holds. Not shared between threads. */
    final class Lease implements AutoCloseable {

        private long held;

        /** Up to {@code wanted} bytes: what the budget has left, never less than the smallest. */
        int take(int wanted) {
            int least = Math.min(wanted, smallest);
            while (true) {
                long now = free.get();
                int granted = (int) Math.max(least, Math.min(wanted, now));
                if (free.compareAndSet(now, now - granted)) {
                    held += granted;
                    return granted;
                }
            }
        }

        /** {@code size} bytes if the budget has them all, else nothing. */
        boolean tryTake(int size) {
            while (true) {
                long now = free.get();
                if (now < size) {
                    return false;
                }
                if (free.compareAndSet(now, now - size)) {
                    held += size;
                    return true;
                }
            }
        }

        /** Gives back a window that has been written. */
        void give(int size) {
            held -= size;
            free.addAndGet(size);
        }

        @Override
        public void close() {
            free.addAndGet(held);
            held = 0;
        }
    }
}
