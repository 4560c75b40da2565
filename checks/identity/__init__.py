"""网站标识: the home page footer (网站标识码, ICP备案, 公安备案, 主办单位) and 指引2017 meta tags."""
