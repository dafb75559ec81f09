package com.engagementconductor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.stereotype.Component;

class ModularityTests {
    private static final ApplicationModules MODULES = ApplicationModules.of(ConductorApplication.class);
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.engagementconductor");

    @Test
    void modulesRespectTheirAllowedDependencies() {
        MODULES.verify();
    }

    @Test
    /** Domain code is everything that is not a Spring component or a settings record. */
    void scoringAnomalyAndDecisionDomainCodeHasNoSpring() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage(
                        "com.engagementconductor.scoring",
                        "com.engagementconductor.anomaly",
                        "com.engagementconductor.decision")
                .and()
                .areNotMetaAnnotatedWith(Component.class)
                .and()
                .areNotAnnotatedWith(ConfigurationProperties.class)
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .allowEmptyShould(true);
        rule.check(CLASSES);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
