package fr.construisons;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ConstruisonsApplication {

  public static void main(String[] args) {
    SpringApplication.run(ConstruisonsApplication.class, args);
  }
}
