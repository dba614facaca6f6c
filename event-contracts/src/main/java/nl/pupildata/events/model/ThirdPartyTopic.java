package nl.pupildata.events.model;

/** What a third party asks about; it decides the complexity of the situation (G-8, G-10). */
public enum ThirdPartyTopic {
    SPEECH_THERAPY(Complexity.STANDARD),
    DYSLEXIA_CARE(Complexity.STANDARD),
    PHYSIOTHERAPY(Complexity.STANDARD),
    VEILIG_THUIS(Complexity.COMPLEX),
    CONTESTED_DIVORCE(Complexity.COMPLEX),
    SAFEGUARDING(Complexity.COMPLEX),
    OTHER(Complexity.STANDARD);

    private final Complexity complexity;

    ThirdPartyTopic(Complexity complexity) {
        this.complexity = complexity;
    }

    public Complexity complexity() {
        return complexity;
    }
}
