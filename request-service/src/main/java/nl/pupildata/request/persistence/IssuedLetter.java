package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A letter as issued: the facts it was written from (JSON) and its PDF, next to its LetterIssued event. */
@Entity
@Table(name = "issued_letter")
@IdClass(StreamPlace.class)
public class IssuedLetter extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Id
    public int version;

    public String kind;

    @Column(name = "template_version")
    public int templateVersion;

    public String recipient;

    public String facts;

    public byte[] pdf;
}
