package com.engagementconductor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConductorApplication {
    public static void main(String[] args) {
        StartupEnvironment.checkOrExit(System.getenv());
        SpringApplication.run(ConductorApplication.class, args);
    }
}
