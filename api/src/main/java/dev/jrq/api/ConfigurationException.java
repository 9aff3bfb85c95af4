package dev.jrq.api;

/**
 * A set-up that cannot work: a malformed Redis URL, two providers with the same name, an unknown serializer.
 * Raised at start-up, with a message that says what was wrong and what was expected.
 */
public class ConfigurationException extends JrqException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
