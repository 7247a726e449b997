package io.enoskit.ota.reliability;

/** Bytes as a reader can take them in: printable ASCII as is, the rest as {@code \xNN}, cut after a length. */
final class Bytes {
    private Bytes() {
    }

    static String escape(byte[] bytes, int max) {
        StringBuilder text = new StringBuilder();
        int shown = Math.min(bytes.length, max);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            switch (b) {
                case '\r' -> text.append("\\r");
                case '\n' -> text.append("\\n");
                case '\\' -> text.append("\\\\");
                case '\'' -> text.append("\\x27");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        text.append((char) b);
                    } else {
                        text.append(String.format("\\x%02x", b));
                    }
                }
            }
        }
        if (bytes.length > shown) {
            text.append("…(").append(bytes.length).append(" bytes in all)");
        }
        return text.toString();
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
