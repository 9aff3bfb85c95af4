package dev.jrq.api;

/** A value that cannot be turned into bytes, or bytes that cannot be read back (for example a pickled job). */
public class SerializationException extends JrqException {
    private static final long serialVersionUID = 1L;

    public SerializationException(String message) {
        super(message);
    }

    public SerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
