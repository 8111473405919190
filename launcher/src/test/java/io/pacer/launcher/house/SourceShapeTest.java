package io.pacer.launcher.house;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules that keep every class readable in one sitting, checked on the main sources of every module
 * (parsed with JavaParser, so a line count is a real class or method, not a guess): no top-level class over
 * 400 lines, no method or constructor over 60 lines, and a Javadoc on every public top-level type.
 */
class SourceShapeTest {

    private static final int MAX_CLASS_LINES = 400;
    private static final int MAX_METHOD_LINES = 60;
    private static final List<CompilationUnit> UNITS = new ArrayList<>();

    @BeforeAll
    static void parseMainSources() throws IOException {
        StaticJavaParser.setConfiguration(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))
                    .filter(p -> !p.toString().contains("/target/")).toList()) {
                UNITS.add(StaticJavaParser.parse(f));
            }
        }
    }

    @Test
    void theMainSourcesOfEveryModuleAreParsed() {
        assertTrue(UNITS.size() > 150, "found only " + UNITS.size() + " main source files under ..");
    }

    @Test
    void noClassIsOver400Lines() {
        List<String> over = new ArrayList<>();
        for (CompilationUnit unit : UNITS) {
            for (TypeDeclaration<?> type : unit.getTypes()) {
                int lines = lines(type);
                if (lines > MAX_CLASS_LINES) {
                    over.add(where(unit, type.getNameAsString()) + " " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), over, "classes over " + MAX_CLASS_LINES + " lines");
    }

    @Test
    void noMethodIsOver60Lines() {
        List<String> over = new ArrayList<>();
        for (CompilationUnit unit : UNITS) {
            for (CallableDeclaration<?> method : unit.findAll(CallableDeclaration.class)) {
                int lines = lines(method);
                if (lines > MAX_METHOD_LINES) {
                    over.add(where(unit, method.getNameAsString()) + " " + lines + " lines");
                }
            }
        }
        assertEquals(List.of(), over, "methods over " + MAX_METHOD_LINES + " lines");
    }

    @Test
    void everyPublicTypeSaysWhatItIsFor() {
        List<String> bare = new ArrayList<>();
        for (CompilationUnit unit : UNITS) {
            for (TypeDeclaration<?> type : unit.getTypes()) {
                if (type.isPublic() && type.getJavadoc().isEmpty()) {
                    bare.add(where(unit, type.getNameAsString()));
                }
            }
        }
        assertEquals(List.of(), bare, "public types without Javadoc");
    }

    private static int lines(com.github.javaparser.ast.Node node) {
        return node.getRange().map(r -> r.end.line - r.begin.line + 1).orElse(0);
    }

    private static String where(CompilationUnit unit, String name) {
        return unit.getStorage().map(s -> s.getPath().getFileName().toString()).orElse("?") + ":" + name;
    }
}
