package nl.pupildata.events.sealing;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An event field whose value is sealed with its request's key ({@link ValueSeal}): a text or an enum, written as a
 * sealed string. For a list of such values, {@link SealedEach}.
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@JacksonAnnotationsInside
@JsonSerialize(using = SealedValues.Writer.class)
@JsonDeserialize(using = SealedValues.Reader.class)
public @interface Sealed {
}
