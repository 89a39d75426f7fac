package org.storytrace.engine.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RecordFile} whose records are kept as they are ({@link Packed#stored}) while the files sharing its
 * {@link Budget} take less than the budget, and deflated ({@link Packed#pack}) once past it; read back unpacked either
 * way. Why a class of its own (session 24): the choice, the budget and the unpacking had lived at the engine's call
 * sites (a flag, two writes and three reads), where one forgotten {@code unpack} would hand a decoder a length prefix.
 * Appends come from one thread; {@link #encode} and {@link #read} from any.
 */
public final class PackedRecords implements AutoCloseable {
    /**
     * The bytes several files may hold unpacked, together: past it, every one of them packs what it encodes from then
     * on (what was stored stays as it is). Thread-safe.
     */
    public static final class Budget {
        private final List<PackedRecords> files = new CopyOnWriteArrayList<>();
        private volatile long limit;
        private volatile boolean exceeded;

        /** A budget of {@code limit} bytes; 0 packs from the start. */
        public Budget(long limit) { set(limit); }

        /** From now on, {@code limit} bytes (0: pack from now on). */
        public void set(long limit) {
            this.limit = limit;
            exceeded = limit == 0 || held() > limit;
        }

        /** Whether records are packed from now on. */
        public boolean exceeded() { return exceeded; }

        private long held() {
            long sum = 0;
            for (PackedRecords f : files) sum += f.file.bytes();
            return sum;
        }

        private void appended() {
            if (!exceeded && held() > limit) exceeded = true;
        }
    }

    private final RecordFile file;
    private final Budget budget;

    public PackedRecords(Path path, Budget budget) {
        this.file = new RecordFile(path);
        this.budget = budget;
        budget.files.add(this);
    }

    /** {@code raw} as this file stores it now: packed when the budget is spent, else as it is. Any thread. */
    public byte[] encode(byte[] raw) { return budget.exceeded ? Packed.pack(raw) : Packed.stored(raw); }

    /** Appends a record made by {@link #encode} (of any file of this budget); returns its number. */
    public int append(byte[] encoded) {
        int n = file.append(encoded);
        budget.appended();
        return n;
    }

    /** Record {@code i} as it was given to {@link #encode}. */
    public byte[] read(int i) { return Packed.unpack(file.read(i)); }

    public int size() { return file.size(); }

    /** Bytes on disk. */
    public long bytes() { return file.bytes(); }

    /** Bytes on the heap (offsets and the write buffer). */
    public long memoryBytes() { return file.memoryBytes(); }

    @Override public void close() {
        budget.files.remove(this);
        file.close();
    }
}
