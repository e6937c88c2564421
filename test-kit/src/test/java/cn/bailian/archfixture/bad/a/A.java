package cn.bailian.archfixture.bad.a;

/** Fixture: feature a calls feature b, which calls back (a cycle). */
public class A {
    public cn.bailian.archfixture.bad.b.B b() {
        return new cn.bailian.archfixture.bad.b.B();
    }
}
