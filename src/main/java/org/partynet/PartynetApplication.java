package org.partynet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The graph-data service for the urban four-level party organization network
 * (街道党工委 → 社区党委 → 网格党支部 → 党员楼长).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartynetApplication {

	public static void main(String[] args) {
		SpringApplication.run(PartynetApplication.class, args);
	}

}
