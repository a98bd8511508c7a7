package corescale.benchmarks.counters;

/**
 * 132 bytes of cold fields that every counter's hot fields come after.
 *
 * <p>Why: a cache line is 64 bytes and the hardware prefetches lines in 128-byte pairs, so a
 * field written by one core slows every other core touching anything within that pair. Left to
 * chance, a counter's value could share its pair with whatever object was allocated just before
 * it, and whether it does would change with each fork's heap addresses (objects are only 8-byte
 * aligned). Padding here, and again after the hot fields in each counter class, keeps the hot
 * fields at least 128 bytes from any other object: the same layout in every fork.
 *
 * <p>How: HotSpot orders fields by size inside a class, not by declaration (references after the
 * primitives), but always puts a superclass's fields before a subclass's, except that a subclass's
 * field fills a hole the superclasses left (JDK 15+). Hence 132 bytes, not 128: after a 12-byte
 * header they end at offset 144, where the 8-byte value starts with no hole before it. With a
 * 4-byte hole there (as until 2026-12-05) the counter class's guard reference filled it, beside the
 * value: read by every thread on every increment, it took the value's line from the lock's holder in
 * the middle of its critical section. Under compact object headers (JDK 24+, 8-byte headers) the
 * padding ends at 140 and that hole comes back: the counters that hold a guard also declare an
 * {@code int hole}, never read, which HotSpot places before their references and so into the hole
 * (after the padding with 12-byte headers, where there is none); {@code CounterLayoutTest} runs under
 * both headers. That makes class-hierarchy padding the technique that needs no
 * VM flag (JCTools and JMH's own Blackhole do the same; {@code @Contended} would need
 * {@code -XX:-RestrictContended}). {@code CounterLayoutTest} measures the offsets and fails if
 * this ever stops holding.
 */
@SuppressWarnings("unused")
abstract class LeftPadding {
    byte p000, p001, p002, p003, p004, p005, p006, p007, p008, p009, p010, p011, p012, p013, p014, p015;
    byte p016, p017, p018, p019, p020, p021, p022, p023, p024, p025, p026, p027, p028, p029, p030, p031;
    byte p032, p033, p034, p035, p036, p037, p038, p039, p040, p041, p042, p043, p044, p045, p046, p047;
    byte p048, p049, p050, p051, p052, p053, p054, p055, p056, p057, p058, p059, p060, p061, p062, p063;
    byte p064, p065, p066, p067, p068, p069, p070, p071, p072, p073, p074, p075, p076, p077, p078, p079;
    byte p080, p081, p082, p083, p084, p085, p086, p087, p088, p089, p090, p091, p092, p093, p094, p095;
    byte p096, p097, p098, p099, p100, p101, p102, p103, p104, p105, p106, p107, p108, p109, p110, p111;
    byte p112, p113, p114, p115, p116, p117, p118, p119, p120, p121, p122, p123, p124, p125, p126, p127;
    byte p128, p129, p130, p131; // to offset 144: the value follows with no hole a subclass's field could fill
}
