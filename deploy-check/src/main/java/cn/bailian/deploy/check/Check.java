package cn.bailian.deploy.check;

import cn.bailian.deploy.Contract;
import cn.bailian.deploy.Finding;
import cn.bailian.deploy.Manifests;

import java.util.List;

/** One concern about the rendered manifests. */
public interface Check {

    List<Finding> check(Manifests manifests, Contract contract);
}
