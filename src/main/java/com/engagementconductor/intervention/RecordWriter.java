package com.engagementconductor.intervention;

/**
 * Where the agent's records are written: one ordered writer, off the session lanes (behaviour R5.11), so a
 * session's tick never waits for the database. Work runs in submission order.
 */
public interface RecordWriter {

    /**
     * Queues work for the writer and returns at once.
     *
     * @throws StoreUnavailable when the writer's bounded queue is full
     */
    void execute(Runnable work);

    /** True on the writer's own thread, where work runs inline (it is already in order). */
    boolean onWriter();

    /** Runs work at once on the calling thread; for tests that drive everything synchronously. */
    RecordWriter INLINE = new RecordWriter() {
        @Override
        public void execute(Runnable work) {
            work.run();
        }

        @Override
        public boolean onWriter() {
            return true;
        }
    };
}
