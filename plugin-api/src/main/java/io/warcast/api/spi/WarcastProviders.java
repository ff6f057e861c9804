package io.warcast.api.spi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the {@link WarcastProvider} through {@link ServiceLoader}, with this class's own class loader (the one
 * that holds plugin-api, {@code $CATALINA_BASE/lib} in Tomcat), never the thread's.
 *
 * <p>Exactly one provider must be found. With several, the system property {@value #PROVIDER_PROPERTY} names the
 * class to use. A provider that cannot be loaded is skipped and reported, like SLF4J does.
 */
public final class WarcastProviders {

    /** System property naming the provider class to use when several are installed. */
    public static final String PROVIDER_PROPERTY = "warcast.provider";

    static final String SERVICE_FILE = "META-INF/services/" + WarcastProvider.class.getName();

    private WarcastProviders() {}

    /**
     * The one provider installed.
     *
     * @throws IllegalStateException with a message saying what was looked for, what was found and what to do
     */
    public static WarcastProvider load() {
        return load(WarcastProviders.class.getClassLoader(), System.getProperty(PROVIDER_PROPERTY));
    }

    static WarcastProvider load(ClassLoader classLoader, String requestedClass) {
        List<WarcastProvider> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        Iterator<WarcastProvider> iterator =
                ServiceLoader.load(WarcastProvider.class, classLoader).iterator();
        while (true) {
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                found.add(iterator.next());
            } catch (ServiceConfigurationError e) {
                broken.add(e.getMessage());
            }
        }
        return select(found, broken, requestedClass);
    }

    private static WarcastProvider select(List<WarcastProvider> found, List<String> broken, String requestedClass) {
        if (requestedClass != null && !requestedClass.isBlank()) {
            return found.stream()
                    .filter(provider -> provider.getClass().getName().equals(requestedClass.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(ProviderDiscoveryMessages.requestedProviderMissing(
                            PROVIDER_PROPERTY, requestedClass, classNames(found), broken)));
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException(ProviderDiscoveryMessages.noProvider(SERVICE_FILE, broken));
        }
        throw new IllegalStateException(
                ProviderDiscoveryMessages.severalProviders(PROVIDER_PROPERTY, classNames(found)));
    }

    private static String classNames(List<WarcastProvider> providers) {
        return providers.stream()
                .map(provider -> provider.getClass().getName())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
