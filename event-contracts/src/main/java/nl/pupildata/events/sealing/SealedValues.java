package nl.pupildata.events.sealing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * The JSON side of {@link Sealed}: the {@link ValueSeal} of the event's request is a Jackson attribute (keyed by
 * {@code ValueSeal.class}) set by {@code EventJson}; without one, nothing sealed is written or read.
 */
public final class SealedValues {

    private SealedValues() {
    }

    static ValueSeal seal(Object attribute, String where) throws JsonMappingException {
        if (attribute instanceof ValueSeal seal) {
            return seal;
        }
        throw new JsonMappingException(null, "No ValueSeal to " + where + " a sealed field with");
    }

    /** Writes a text or an enum's name sealed; an erased enum as null. */
    public static final class Writer extends StdSerializer<Object> {
        public Writer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            ValueSeal seal = seal(provider.getAttribute(ValueSeal.class), "write");
            if (value instanceof Enum<?> e) {
                if (seal.erased()) {
                    gen.writeNull();
                } else {
                    gen.writeString(seal.seal(e.name()));
                }
            } else {
                gen.writeString(seal.seal(value.toString()));
            }
        }
    }

    /** Reads a sealed (or, written before sealing, a plain) text or enum; an erased enum reads as null. */
    public static final class Reader extends StdDeserializer<Object> implements ContextualDeserializer {
        private final JavaType target;

        public Reader() {
            this(null);
        }

        private Reader(JavaType target) {
            super(Object.class);
            this.target = target;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            JavaType type = ctxt.getContextualType() != null ? ctxt.getContextualType()
                    : property != null ? property.getType() : null;
            if (type != null && type.isContainerType()) {
                type = type.getContentType();
            }
            return new Reader(type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return ctxt.handleUnexpectedToken(String.class, p);
            }
            String plain = seal(ctxt.getAttribute(ValueSeal.class), "read").open(p.getText());
            if (target == null || !target.isEnumType()) {
                return plain;
            }
            if (ValueSeal.ERASED.equals(plain)) {
                return null;
            }
            for (Object constant : target.getRawClass().getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(plain)) {
                    return constant;
                }
            }
            return ctxt.handleWeirdStringValue(target.getRawClass(), plain, "not one of the values of %s",
                    target.getRawClass().getSimpleName());
        }
    }
}
