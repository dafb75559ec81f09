package com.engagementconductor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConductorApplication {
    public static void main(String[] args) {
        StartupEnvironment.checkOrExit(System.getenv());
        nettyDefaults();
        SpringApplication.run(ConductorApplication.class, args);
    }

    /**
     * Netty settings for the socket gateway and the Redis client, unless given on the command line: buffer
     * accessibility and bounds checks off (the gateway writes one shared, read-only frame to many sockets and
     * never reuses a released buffer), leak detection off in production (the tests run it at its paranoid level).
     */
    static void nettyDefaults() {
        System.setProperty(
                "io.netty.buffer.checkAccessible", System.getProperty("io.netty.buffer.checkAccessible", "false"));
        System.setProperty("io.netty.buffer.checkBounds", System.getProperty("io.netty.buffer.checkBounds", "false"));
        System.setProperty(
                "io.netty.leakDetection.level", System.getProperty("io.netty.leakDetection.level", "disabled"));
    }
}
