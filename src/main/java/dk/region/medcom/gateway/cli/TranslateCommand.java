package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.EdifactSniffer;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints a message translated between MedCom EDIFACT and XML: exit 0 translated, 1 invalid,
 * 2 unreadable, 3 a type that exists only as XML (XREF15, GGOP) and so has no EDIFACT form.
 */
@Command(name = "translate", description = "Translate a MedCom message between EDIFACT and XML; print it on stdout.")
class TranslateCommand implements Callable<Integer> {

    enum Target { xml, edifact }

    /** The exit code for an XML letter of a type MedCom defines no EDIFACT form of. */
    static final int NO_EDIFACT_FORM = 3;

    // the translator's finding for an XML letter element it has no EDIFACT mapping for
    private static final String UNKNOWN_LETTER = "EDI-XML-UNKNOWN-LETTER";

    @Option(names = "--to", description = "xml or edifact (default: the other format than the input's)")
    Target to;

    @Parameters(paramLabel = "<file>", description = "the message file")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        return translate(file, to, spec.commandLine().getErr());
    }

    static int translate(Path file, Target to, PrintWriter err) throws IOException {
        Optional<byte[]> input = MessageFile.read(file, err);
        if (input.isEmpty()) {
            return GatewayCommand.UNREADABLE;
        }
        boolean edifactIn = EdifactSniffer.looksLikeEdifact(input.get());
        Target target = to != null ? to : edifactIn ? Target.xml : Target.edifact;
        if ((target == Target.xml) != edifactIn) {
            // already in the asked-for format: print it as it is
            Terminal.out().write(input.get());
            Terminal.out().flush();
            return GatewayCommand.OK;
        }
        EdifactTranslator translator = EdifactTranslator.withDefaultMappings();
        Translation translation = target == Target.xml ? translator.toXml(input.get()) : translator.toEdifact(input.get());
        if (!translation.ok() && target == Target.edifact && onlyUnknownLetter(translation)) {
            err.println(file + " has no EDIFACT form: its letter type exists only as XML (the EDIFACT forms are"
                    + " DIS91, REF01 and the receipts CTL01-03); the gateway delivers it as XML");
            err.flush();
            return NO_EDIFACT_FORM;
        }
        if (!translation.ok()) {
            translation.findings().stream().filter(Finding::isError).map(Finding::toLine).forEach(err::println);
            err.flush();
            return GatewayCommand.INVALID;
        }
        Terminal.out().write(target == Target.xml ? IndentedXml.of(translation.output()) : translation.output());
        Terminal.out().flush();
        return GatewayCommand.OK;
    }

    private static boolean onlyUnknownLetter(Translation translation) {
        List<String> errors = translation.findings().stream().filter(Finding::isError).map(Finding::ruleId).toList();
        return !errors.isEmpty() && errors.stream().allMatch(UNKNOWN_LETTER::equals);
    }
}
