package io.pacer.store.webhook;

import io.pacer.store.error.InvalidFieldException;
import java.util.Arrays;
import java.util.List;

/** What a webhook can report; each has the dotted name subscribers see in bodies and choose in subscriptions. */
public enum WebhookEventType {
    /** A call Pacer placed has ended, answered or not (one per call, from the journal). */
    CALL_FINISHED("call.finished"),
    /** An agent recorded the outcome of a connected call. */
    OUTCOME_RECORDED("outcome.recorded"),
    /** A callback task was created (an agent's CALL_AGAIN). */
    CALLBACK_CREATED("callback.created"),
    /** A callback's time has come (announced once, whether or not it is dialled at once). */
    CALLBACK_DUE("callback.due"),
    /** A callback was connected or marked done. */
    CALLBACK_DONE("callback.done");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in bodies and subscriptions, such as {@code call.finished}. */
    public String wireName() {
        return wireName;
    }

    /** Every wire name, for error messages and the API document. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }

    /**
     * The type of a wire name.
     *
     * @throws InvalidFieldException on field {@code events} when no type has that name
     */
    public static WebhookEventType of(String wireName) {
        for (WebhookEventType type : values()) {
            if (type.wireName.equals(wireName)) {
                return type;
            }
        }
        throw new InvalidFieldException("events", "unknown event " + wireName + "; known are " + String.join(", ", wireNames()));
    }
}
