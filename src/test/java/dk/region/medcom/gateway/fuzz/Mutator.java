package dk.region.medcom.gateway.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Makes one fuzz input from a seed: one to four mutations stacked, each either aware of the
 * format's structure (subclasses) or byte-level (here). Deterministic for a given {@link Random}.
 */
abstract class Mutator {

    /** Bytes that mean something to one of the formats, or to a decoder. */
    private static final byte[][] SPECIAL_BYTES = {
            bytes("+"), bytes(":"), bytes("'"), bytes("?"), bytes("\\"), bytes("."), bytes(" "), bytes("\n"),
            bytes("<"), bytes(">"), bytes("&"), bytes("/"), bytes("\""), bytes("="), bytes("]]>"), bytes("UNA"),
            bytes("UNB"), bytes("UNH"), bytes("UNT"), bytes("UNZ"), {0}, {(byte) 0x7F}, {(byte) 0x80}, {(byte) 0xFF},
            {(byte) 0xC3}, {(byte) 0xE6}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xFE, (byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}, {(byte) 0x9D}};

    /** Values that break naive number, date and length handling. */
    static final List<String> NASTY_VALUES = List.of("", " ", "0", "-1", "2147483648", "-2147483649",
            "99999999999999999999999999", "1e309", "NaN", "0x7fffffff", "00000000000000", "9999999999",
            "0101904321", "3102991234", "2026-02-30", "20261340", "202602302461", "2026-13-45T25:61:61",
            "9999-12-31T23:59:59+14:00", "0000-00-00", "ÆØÅæøå", "\u20ac\u4e2d\u0416", "\ud83d\ude00",
            "%s%n%x", "${jndi:ldap://x/a}", "../../../../etc/passwd", "NUL\u0000NUL", "a\u0085b\u2028c",
            "A".repeat(71), "A".repeat(256), "A".repeat(4096));

    final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    /** A new input: one to four mutations of {@code seed}; {@code donor} is another seed to splice from. */
    byte[] mutate(byte[] seed, byte[] donor) {
        byte[] input = seed;
        int rounds = 1 + (random.nextInt(8) == 0 ? random.nextInt(4) : 0);
        for (int i = 0; i < rounds; i++) {
            input = random.nextInt(3) == 0 ? mutateBytes(input, donor) : mutateStructure(input, donor);
        }
        return input;
    }

    /** Whether a seed is itself an input (then each is run once unmutated first). */
    boolean seedIsInput() {
        return true;
    }

    abstract byte[] mutateStructure(byte[] input, byte[] donor);

    byte[] mutateBytes(byte[] input, byte[] donor) {
        if (input.length == 0) {
            return special();
        }
        int at = random.nextInt(input.length);
        return switch (random.nextInt(9)) {
            case 0 -> replace(input, at, 1, new byte[] {(byte) random.nextInt(256)});
            case 1 -> replace(input, at, 1, special());
            case 2 -> replace(input, at, 0, special());
            case 3 -> replace(input, at, 1 + random.nextInt(Math.min(64, input.length - at)), new byte[0]);
            case 4 -> { // flip one bit
                byte[] out = input.clone();
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 5 -> { // repeat a chunk
                int length = 1 + random.nextInt(Math.min(256, input.length - at));
                byte[] chunk = java.util.Arrays.copyOfRange(input, at, at + length);
                yield replace(input, at, 0, repeat(chunk, 1 + random.nextInt(64)));
            }
            case 6 -> replace(input, at, 0, randomBytes(1 + random.nextInt(32)));
            case 7 -> java.util.Arrays.copyOf(input, at); // truncate
            default -> { // splice a chunk of another seed
                int from = donor.length == 0 ? 0 : random.nextInt(donor.length);
                int length = Math.min(donor.length - from, 1 + random.nextInt(512));
                yield replace(input, at, random.nextInt(Math.min(512, input.length - at) + 1),
                        java.util.Arrays.copyOfRange(donor, from, from + length));
            }
        };
    }

    byte[] special() {
        return SPECIAL_BYTES[random.nextInt(SPECIAL_BYTES.length)];
    }

    String nastyValue() {
        return NASTY_VALUES.get(random.nextInt(NASTY_VALUES.size()));
    }

    byte[] randomBytes(int n) {
        byte[] out = new byte[n];
        random.nextBytes(out);
        return out;
    }

    /** How many times to repeat something: mostly a few, now and then very many (those inputs are slow). */
    int count() {
        int roll = random.nextInt(100);
        return roll < 45 ? 2 : roll < 90 ? 2 + random.nextInt(20) : roll < 99 ? 100 + random.nextInt(1_000)
                : 10_000 + random.nextInt(40_000);
    }

    /** A length for a long value: mostly past a field's limit, now and then huge. */
    int longLength() {
        return random.nextInt(50) == 0 ? 100_000 + random.nextInt(2_000_000) : 1 + random.nextInt(5_000);
    }

    static byte[] replace(byte[] input, int at, int length, byte[] with) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(input.length + with.length);
        out.write(input, 0, at);
        out.write(with, 0, with.length);
        out.write(input, at + length, input.length - at - length);
        return out.toByteArray();
    }

    static byte[] repeat(byte[] chunk, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.length * times);
        for (int i = 0; i < times; i++) {
            out.write(chunk, 0, chunk.length);
        }
        return out.toByteArray();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
