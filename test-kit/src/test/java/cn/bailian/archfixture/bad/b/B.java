package cn.bailian.archfixture.bad.b;

/** Fixture: see A. */
public class B {
    public cn.bailian.archfixture.bad.a.A a() {
        return new cn.bailian.archfixture.bad.a.A();
    }
}
