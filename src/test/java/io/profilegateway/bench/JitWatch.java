package io.profilegateway.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The JIT compiler of a gateway process on this machine, read over JMX (the attach API starts its local management
 * agent): how long it has compiled so far. On 2 cores the one C2 thread needs minutes under load to compile the
 * switch path, and while it does it takes a quarter of the CPU; a benchmark of what a gateway sustains waits for it.
 */
final class JitWatch implements AutoCloseable {

    private final JMXConnector connector;
    private final CompilationMXBean compilation;

    private JitWatch(JMXConnector connector, CompilationMXBean compilation) {
        this.connector = connector;
        this.compilation = compilation;
    }

    /** Null when the process cannot be attached to (another user's, or no JDK attach support). */
    static JitWatch attach(ProcessHandle process) {
        if (process == null) {
            return null;
        }
        try {
            VirtualMachine vm = VirtualMachine.attach(Long.toString(process.pid()));
            String address;
            try {
                address = vm.startLocalManagementAgent();
            } finally {
                vm.detach();
            }
            JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
            return new JitWatch(connector, ManagementFactory.newPlatformMXBeanProxy(
                    connector.getMBeanServerConnection(), ManagementFactory.COMPILATION_MXBEAN_NAME,
                    CompilationMXBean.class));
        } catch (Exception e) {
            System.out.println("the gateway's JIT is not observable (" + e + "): the warm-up runs its full time");
            return null;
        }
    }

    /** The JIT's accumulated compile time (elapsed, summed over its threads), in milliseconds. */
    long compileMillis() {
        return compilation.getTotalCompilationTime();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
