package dk.region.medcom.gateway.validate.bench;

import dk.region.medcom.gateway.parse.xml.LetterBinder;
import dk.region.medcom.gateway.parse.xml.SafeXmlParser;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.Unmarshaller;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * CPU microseconds of one thread per message for the safe DOM parse and for reading its letter
 * into the generated JAXB classes (with a Binder, as parse does, and with a plain Unmarshaller).
 * Usage: same classpath as bench/jmh-validate.sh, then {@code BindCpuProbe [message.xml]}.
 */
public final class BindCpuProbe {

    private BindCpuProbe() {
    }

    public static void main(String[] args) throws Exception {
        byte[] bytes = Files.readAllBytes(Path.of(args.length > 0 ? args[0] : "samples/xref15/xref15-valid-rehabilitation.xml"));
        SafeXmlParser parser = new SafeXmlParser();
        Document document = parser.parse(bytes);
        Element letter = firstLetter(document);
        Unmarshaller plain = JAXBContext.newInstance(
                dk.region.medcom.gateway.message.medcom2017.ObjectFactory.class).createUnmarshaller();
        for (int round = 1; round <= 6; round++) {
            double parse = cpuMicros(() -> parser.parse(bytes));
            double bind = cpuMicros(() -> LetterBinder.bind(document));
            double unmarshal = cpuMicros(() -> plain.unmarshal(letter));
            System.out.printf("round %d: DOM parse %.1f µs, JAXB Binder %.1f µs, JAXB Unmarshaller %.1f µs per message%n",
                    round, parse, bind, unmarshal);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static double cpuMicros(Work work) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        int count = 0;
        while (threads.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
            for (int i = 0; i < 100; i++) {
                work.run();
            }
            count += 100;
        }
        return (threads.getCurrentThreadCpuTime() - start) / 1e3 / count;
    }

    private static Element firstLetter(Document document) {
        for (Node n = document.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && !"Envelope".equals(e.getLocalName())) {
                return e;
            }
        }
        throw new IllegalArgumentException("no letter");
    }
}
