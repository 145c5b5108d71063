package dk.region.medcom.gateway.message;

import jakarta.xml.bind.Binder;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The letter as the JAXB classes generated from the gateway's XSDs read it (e.g. a
 * {@code medcom2017.MunicipalReferral}), bound to the DOM parse built: a rule reads typed values
 * and still points a finding at the element they came from. {@link #NONE} when the letter's
 * namespace has no generated classes or could not be bound (the schema check then says why).
 */
public final class TypedLetter {

    public static final TypedLetter NONE = new TypedLetter(null, null);

    private final Object value;
    private final Binder<Node> binder;

    public TypedLetter(Object value, Binder<Node> binder) {
        this.value = value;
        this.binder = binder;
    }

    /** The letter as {@code type}, empty when it is another kind of letter or none. */
    public <T> Optional<T> as(Class<T> type) {
        return type.isInstance(value) ? Optional.of(type.cast(value)) : Optional.empty();
    }

    /** The element a part of the letter (any generated object in it) was read from. */
    public Optional<Element> elementOf(Object part) {
        if (binder == null || part == null) {
            return Optional.empty();
        }
        return binder.getXMLNode(part) instanceof Element element ? Optional.of(element) : Optional.empty();
    }

    /** Masked like everything on the message: only the letter's class, never its content. */
    @Override
    public String toString() {
        return value == null ? "TypedLetter[none]" : "TypedLetter[" + value.getClass().getSimpleName() + "]";
    }
}
