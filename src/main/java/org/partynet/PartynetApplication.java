package org.partynet;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import org.partynet.backup.BackupCommand;
import org.partynet.bulk.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The graph-data service for the urban four-level party organization network (街道党工委 →
 * 社区党委 → 网格党支部 → 党员楼长).
 *
 * <p>
 * {@code java -jar partynet.jar hash-password} reads a password and prints its hash for
 * {@code partynet.security.accounts.<name>.password}, without starting the service;
 * {@code java -jar partynet.jar import <file> [--dry-run]} imports a workbook without the
 * web server; {@code java -jar partynet.jar backup <file>} backs the network up, also
 * while the service runs, and {@code java -jar partynet.jar restore <file> [--force]}
 * restores it.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PartynetApplication {

	public static void main(String[] args) throws IOException {
		if (args.length > 0 && args[0].equals("hash-password")) {
			System.out.println(PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(readPassword()));
			return;
		}
		if (args.length > 0 && args[0].equals("import")) {
			System.exit(ImportCommand.run(PartynetApplication.class, args));
		}
		if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
			System.exit(BackupCommand.run(PartynetApplication.class, args));
		}
		SpringApplication.run(PartynetApplication.class, args);
	}

	private static String readPassword() throws IOException {
		Console console = System.console();
		if (console != null) {
			return new String(console.readPassword("密码 Password: "));
		}
		return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
	}

}
