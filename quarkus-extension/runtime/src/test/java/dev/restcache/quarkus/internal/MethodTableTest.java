package dev.restcache.quarkus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.restcache.Cached;
import dev.restcache.NeverCache;
import dev.restcache.ResponseCacheFeature;
import dev.restcache.RuntimeAdapter;
import dev.restcache.RuntimeAdapter.MethodRules;
import dev.restcache.quarkus.internal.ResourceMethodFacts.Concern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveResourceInfo;
import org.junit.jupiter.api.Test;

/** The rules of resource methods, resolved at startup and found by Quarkus REST's method id. */
class MethodTableTest {
  private final RuntimeAdapter adapter =
      RuntimeAdapter.of(ResponseCacheFeature.builder().build(), () -> false);

  @Test
  void aCachedMethodIsFoundByTheIdQuarkusRestGivesItsRequests() {
    MethodTable table =
        MethodTable.resolve(
            adapter, List.of(facts(Books.class, "get", Concern.ANNOTATED, String.class)), false);

    assertThat(table.rulesFor(request(Books.class, "get", String.class)).cached()).isTrue();
  }

  @Test
  void aMethodTheBuildDidNotRecordHasNoRules() {
    MethodTable table =
        MethodTable.resolve(
            adapter, List.of(facts(Books.class, "get", Concern.ANNOTATED, String.class)), false);

    assertThat(table.rulesFor(request(Books.class, "list"))).isSameAs(MethodRules.NONE);
    assertThat(table.rulesFor(null)).isSameAs(MethodRules.NONE);
  }

  @Test
  void aGetWithoutAnnotationsIsCachedOnlyWithCacheAll() {
    List<ResourceMethodFacts> methods = List.of(facts(Books.class, "list", Concern.GET));

    RuntimeAdapter cachingAll =
        RuntimeAdapter.of(ResponseCacheFeature.builder().cacheAll(true).build(), () -> false);

    assertThat(MethodTable.resolve(adapter, methods, false).rulesFor(request(Books.class, "list")))
        .isSameAs(MethodRules.NONE);
    assertThat(
            MethodTable.resolve(cachingAll, methods, true)
                .rulesFor(request(Books.class, "list"))
                .cached())
        .isTrue();
  }

  @Test
  void contradictionsFailTheStartNamingEveryMethodAtFault() {
    List<ResourceMethodFacts> methods =
        List.of(
            facts(Contradictions.class, "first", Concern.ANNOTATED),
            facts(Contradictions.class, "second", Concern.ANNOTATED));

    assertThatThrownBy(() -> MethodTable.resolve(adapter, methods, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(
            "@Cached and @NeverCache on the same declaration: "
                + Contradictions.class.getName()
                + ".first")
        .hasMessageContaining(Contradictions.class.getName() + ".second");
  }

  @Test
  void aMethodThatCannotBeLoadedIsServedWithoutTheCache() {
    MethodTable table =
        MethodTable.resolve(
            adapter,
            List.of(
                new ResourceMethodFacts(
                    Books.class.getName(), "gone", new ArrayList<>(), Concern.ANNOTATED),
                facts(Books.class, "get", Concern.ANNOTATED, String.class)),
            false);

    assertThat(table.rulesFor(request(Books.class, "get", String.class)).cached()).isTrue();
  }

  private static ResourceMethodFacts facts(
      Class<?> type, String name, Concern concern, Class<?>... parameters) {
    List<String> names = new ArrayList<>();
    for (Class<?> parameter : parameters) {
      names.add(parameter.getName());
    }
    return new ResourceMethodFacts(type.getName(), name, names, concern);
  }

  // What Quarkus REST builds for each resource method at startup and hands every request.
  private static ResteasyReactiveResourceInfo request(
      Class<?> type, String name, Class<?>... parameters) {
    return new ResteasyReactiveResourceInfo(name, type, parameters, false, type.getName());
  }

  @Path("/books")
  public static class Books {
    @GET
    @Path("{id}")
    @Cached
    public String get(@PathParam("id") String id) {
      return id;
    }

    @GET
    public String list() {
      return "all";
    }
  }

  @Path("/contradictions")
  public static class Contradictions {
    @GET
    @Path("first")
    @Cached
    @NeverCache
    public String first() {
      return "first";
    }

    @GET
    @Path("second")
    @Cached
    @NeverCache
    public String second() {
      return "second";
    }
  }
}
