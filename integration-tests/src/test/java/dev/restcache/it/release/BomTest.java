package dev.restcache.it.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What an application that imports {@code restcache-bom} gets: a version for every jar the project
 * publishes, and nothing else. Read from the POMs of the build, so that a module added later
 * without its line in the BOM fails here.
 */
class BomTest {
  private static final Path ROOT =
      Path.of(System.getProperty("basedir", ".")).resolve("..").toAbsolutePath().normalize();

  @Test
  void theBomListsEveryPublishedJarAndNothingElse() throws Exception {
    Map<Path, Element> poms = new HashMap<>();
    collect(ROOT, poms);
    Set<String> published = new TreeSet<>();
    for (Map.Entry<Path, Element> pom : poms.entrySet()) {
      if (packaging(pom.getValue()).equals("jar") && !unpublished(pom.getKey(), poms)) {
        published.add(child(pom.getValue(), "artifactId").orElseThrow().getTextContent().trim());
      }
    }

    Element bom = poms.get(ROOT.resolve("bom"));
    Set<String> managed = new TreeSet<>();
    Element dependencies =
        child(child(bom, "dependencyManagement").orElseThrow(), "dependencies").orElseThrow();
    for (Element dependency : children(dependencies, "dependency")) {
      assertThat(child(dependency, "groupId").orElseThrow().getTextContent().trim())
          .isEqualTo("dev.restcache");
      managed.add(child(dependency, "artifactId").orElseThrow().getTextContent().trim());
    }

    assertThat(published).contains("restcache-core", "restcache-micrometer");
    assertThat(managed).isEqualTo(published);
  }

  private static void collect(Path module, Map<Path, Element> poms) throws Exception {
    Element pom =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(module.resolve("pom.xml").toFile())
            .getDocumentElement();
    poms.put(module, pom);
    for (Element name : moduleNames(pom)) {
      Path child = module.resolve(name.getTextContent().trim()).normalize();
      if (Files.exists(child.resolve("pom.xml")) && !poms.containsKey(child)) {
        collect(child, poms);
      }
    }
  }

  /** The modules the POM lists, its profiles' included. */
  private static List<Element> moduleNames(Element pom) {
    List<Element> names = new ArrayList<>();
    child(pom, "modules").ifPresent(modules -> names.addAll(children(modules, "module")));
    child(pom, "profiles")
        .ifPresent(
            profiles -> {
              for (Element profile : children(profiles, "profile")) {
                child(profile, "modules")
                    .ifPresent(modules -> names.addAll(children(modules, "module")));
              }
            });
    return names;
  }

  /** The module's {@code restcache.unpublished}, or its parent's in this build. */
  private static boolean unpublished(Path module, Map<Path, Element> poms) {
    Element pom = poms.get(module);
    Optional<String> own =
        child(pom, "properties")
            .flatMap(properties -> child(properties, "restcache.unpublished"))
            .map(property -> property.getTextContent().trim());
    if (own.isPresent()) {
      return Boolean.parseBoolean(own.get());
    }
    Optional<Element> parent = child(pom, "parent");
    if (parent.isEmpty()) {
      return false;
    }
    String relativePath =
        child(parent.get(), "relativePath")
            .map(path -> path.getTextContent().trim())
            .orElse("../pom.xml");
    Path parentModule = module.resolve(relativePath).normalize().getParent();
    return poms.containsKey(parentModule) && unpublished(parentModule, poms);
  }

  private static String packaging(Element pom) {
    return child(pom, "packaging").map(p -> p.getTextContent().trim()).orElse("jar");
  }

  private static Optional<Element> child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
