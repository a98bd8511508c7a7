package corescale.launcher;
public final class Launcher { public static void main(String[] a) throws Exception { Class.forName("corescale.cli.Main").getMethod("main", String[].class).invoke(null, (Object) a); } }
