package nl.pupildata.events;

/** The three Kafka topics, one per producing service, all keyed by request id. */
public enum Topic {
    REQUESTS("pupil-data.requests", "request-service"),
    CONSENTS("pupil-data.consents", "consent-service"),
    DEADLINES("pupil-data.deadlines", "deadline-service");

    private final String topicName;
    private final String producer;

    Topic(String topicName, String producer) {
        this.topicName = topicName;
        this.producer = producer;
    }

    public String topicName() {
        return topicName;
    }

    /** The service that produces this topic; used as the CloudEvents {@code source}. */
    public String producer() {
        return producer;
    }

    public static Topic ofName(String name) {
        for (Topic t : values()) {
            if (t.topicName.equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("Unknown topic " + name);
    }
}
