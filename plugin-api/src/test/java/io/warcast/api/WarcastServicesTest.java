package io.warcast.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WarcastServicesTest {

    private final Map<String, Object> attributes = new HashMap<>();

    @Test
    void findsTheServiceTheContainerPublished() {
        DataNotifyService service = (DataNotifyService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DataNotifyService.class}, (proxy, method, args) -> null);
        attributes.put(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE, service);

        assertThat(WarcastServices.forServletContext(servletContext("/shop"))).isSameAs(service);
    }

    @Test
    void saysWhatToDoWhenWarcastIsNotInstalled() {
        assertThatThrownBy(() -> WarcastServices.forServletContext(servletContext("")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Warcast has no DataNotifyService for application [/].")
                .hasMessageContaining("<Listener className=\"io.warcast.tomcat.WarcastLifecycleListener\"/>")
                .hasMessageContaining("README, section \"Install\"");
    }

    @Test
    void saysWhenTheApplicationBundlesItsOwnCopyOfTheApi() {
        attributes.put(WarcastServices.SERVLET_CONTEXT_ATTRIBUTE, "a service from another class loader");

        assertThatThrownBy(() -> WarcastServices.forServletContext(servletContext("/shop")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("application [/shop]")
                .hasMessageContaining("not also in the application's WEB-INF/lib");
    }

    private ServletContext servletContext(String contextPath) {
        return (ServletContext) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "getContextPath":
                            return contextPath;
                        default:
                            throw new UnsupportedOperationException(method.getName());
                    }
                });
    }
}
