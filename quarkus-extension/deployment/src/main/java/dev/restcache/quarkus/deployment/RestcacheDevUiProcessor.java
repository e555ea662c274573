package dev.restcache.quarkus.deployment;

import dev.restcache.quarkus.internal.DevUiRecorder;
import dev.restcache.quarkus.internal.RestcacheJsonRpcService;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.resteasy.reactive.server.deployment.ResteasyReactiveResourceMethodEntriesBuildItem;
import java.util.ArrayList;
import java.util.Optional;

/**
 * restcache's Dev UI card, in dev mode only: a page listing the routes the cache acts on with their
 * rules and the live statistics, with a button that clears the cache ({@code
 * dev-ui/qwc-restcache-routes.js}), served by {@link RestcacheJsonRpcService}. In any other mode
 * these steps do not run: no page, no JSON-RPC service bean.
 */
class RestcacheDevUiProcessor {

  @BuildStep(onlyIf = IsDevelopment.class)
  CardPageBuildItem card() {
    CardPageBuildItem card = new CardPageBuildItem();
    card.addPage(
        Page.webComponentPageBuilder()
            .title("Cached routes")
            .icon("font-awesome-solid:bolt")
            .componentLink("qwc-restcache-routes.js")
            .dynamicLabelJsonRPCMethodName("getCachedRouteCount"));
    return card;
  }

  // The Dev UI finds a service's methods in the index, which restcache's jar is not part of.
  @BuildStep(onlyIf = IsDevelopment.class)
  void jsonRpc(
      BuildProducer<JsonRPCProvidersBuildItem> providers,
      BuildProducer<AdditionalIndexedClassesBuildItem> indexed) {
    providers.produce(new JsonRPCProvidersBuildItem(RestcacheJsonRpcService.class));
    indexed.produce(new AdditionalIndexedClassesBuildItem(RestcacheJsonRpcService.class.getName()));
  }

  @BuildStep(onlyIf = IsDevelopment.class)
  @Record(ExecutionTime.STATIC_INIT)
  void routes(
      DevUiRecorder recorder, Optional<ResteasyReactiveResourceMethodEntriesBuildItem> endpoints) {
    recorder.routes(
        endpoints.map(found -> DevUiRoutes.of(found.getEntries())).orElseGet(ArrayList::new));
  }
}
