package dk.region.medcom.gateway.cli;

import dk.region.medcom.gateway.message.Finding;
import dk.region.medcom.gateway.parse.edifact.EdifactSniffer;
import dk.region.medcom.gateway.translate.EdifactTranslator;
import dk.region.medcom.gateway.translate.Translation;
import dk.region.medcom.gateway.validate.MessageValidator;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Prints every finding about a message: exit 0 valid, 1 invalid, 2 unreadable. */
@Command(name = "validate", description = "Validate a MedCom message (EDIFACT or XML) and print the findings.")
class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<file>", description = "the message file")
    Path file;

    @Option(names = "--schemas", defaultValue = "${sys:gateway.validate.schemas-dir:-schemas}",
            description = "the schema folder (default: ${DEFAULT-VALUE})")
    Path schemas;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        return validate(file, schemas, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    static int validate(Path file, Path schemas, PrintWriter out, PrintWriter err) {
        if (!Files.isDirectory(schemas)) {
            // run outside the gateway's folder: say so, instead of a stack trace once a message gets to its XSD
            err.println("no schema folder at " + schemas.toAbsolutePath() + ": run from the gateway's folder or give --schemas <folder>");
            err.flush();
            return GatewayCommand.UNREADABLE;
        }
        Optional<byte[]> input = MessageFile.read(file, err);
        if (input.isEmpty()) {
            err.flush();
            return GatewayCommand.UNREADABLE;
        }
        List<Finding> findings = new ArrayList<>();
        byte[] xml = input.get();
        if (EdifactSniffer.looksLikeEdifact(xml)) {
            Translation translation = EdifactTranslator.withDefaultMappings().toXml(xml);
            findings.addAll(translation.findings());
            xml = translation.output();
        }
        if (xml != null) {
            findings.addAll(MessageValidator.withDefaults(schemas).validate(xml).findings());
        }
        findings.stream().map(Finding::toLine).forEach(out::println);
        boolean valid = findings.stream().noneMatch(Finding::isError);
        out.println(valid ? "valid" : "invalid");
        out.flush();
        return valid ? GatewayCommand.OK : GatewayCommand.INVALID;
    }
}
