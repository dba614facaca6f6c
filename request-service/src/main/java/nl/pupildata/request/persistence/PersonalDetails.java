package nl.pupildata.request.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The personal details of one request; kept here only, never published. */
@Entity
@Table(name = "request_personal_details")
public class PersonalDetails extends PanacheEntityBase {
    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "pupil_name")
    public String pupilName;

    @Column(name = "pupil_dob")
    public LocalDate pupilDateOfBirth;

    public String guardians;

    public String requester;
}
