package cn.bailian.archfixture.bad.web;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Fixture: an entity. */
@Entity
public class Thing {
    @Id
    public Long id;
}
